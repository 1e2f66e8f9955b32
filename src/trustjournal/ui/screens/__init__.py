"""Full-window screens shown before the journal is open: welcome, create, recovery code, unlock."""
