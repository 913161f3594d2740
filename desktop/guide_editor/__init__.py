"""The guide editor: questions, probes, themes, codebook and consent script, saved as a new
version (core.guide.draft and core.study.guide_versions decide; this only shows)."""
