"""Coordinator: enrolled devices, importing copies with a verdict for each, a dashboard of
themes by site (drawn with QPainter; docs/decisions/0070), quotes by theme, report export."""
