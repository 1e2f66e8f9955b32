"""The person's own data in the app: File → Export everything… and File → Import…."""
