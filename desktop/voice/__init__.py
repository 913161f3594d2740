"""Teach Confidant your voice: the dialog that records the researcher's voice sample from the
microphone (into memory), hands it to core to learn, and shows or forgets what is kept."""
