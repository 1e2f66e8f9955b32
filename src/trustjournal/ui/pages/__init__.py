"""The pages of the main window and the registry they plug in through."""
