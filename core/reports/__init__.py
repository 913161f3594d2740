"""Reports for people: reportlab PDFs (interview summary, coordinator report, audit report),
CSV tables and REFI-QDA (.qdpx) exports.

Imports the layers below; never Qt or cli.
"""
