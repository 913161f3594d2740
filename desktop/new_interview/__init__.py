"""New interview: guide, participant code (suggested, never a name), site, consent, names to protect."""
