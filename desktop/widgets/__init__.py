"""Small widgets shared by several screens (buttons, job progress, confirmations, headings)."""
