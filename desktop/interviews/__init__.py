"""The list of interviews (code, site, date, state), search across transcripts, and the
page that holds one interview's Record / Transcript / Review tabs."""
