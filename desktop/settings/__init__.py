"""Settings: models, coordinators to share with, this device's key, auto-lock, language, audit."""
