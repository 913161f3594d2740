"""The printable recovery-code sheet (one page): what the code is for and the code itself.

The code is never stored by Confidant; this page exists so a person can print it and then
delete the file. Base-14 fonts suffice (the code and the sentences are WinAnsi text).
"""

from __future__ import annotations


def recovery_pdf(code: str, vault_id: str) -> bytes:
    """A printable page with the recovery code and what it is for."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, pageCompression=0)
    _width, height = A4
    pdf.setTitle("Confidant recovery code")
    pdf.setFont("Helvetica-Bold", 20)
    pdf.drawString(60, height - 90, "Confidant — recovery code")
    pdf.setFont("Helvetica", 12)
    lines = [
        "This code unlocks your Confidant vault if you forget your passphrase.",
        "Keep this page somewhere safe and private, away from the laptop.",
        "Anyone with this code and the laptop can read your interviews.",
        "After printing, delete the PDF file.",
    ]
    for i, line in enumerate(lines):
        pdf.drawString(60, height - 130 - 18 * i, line)
    pdf.setFont("Courier-Bold", 22)
    pdf.drawString(60, height - 250, code)
    pdf.setFont("Helvetica", 9)
    pdf.drawString(60, height - 290, f"Vault id: {vault_id}")
    pdf.showPage()
    pdf.save()
    return buf.getvalue()
