"""The Journal timeline: a lazy model over the vault, its delegate and its filter bar."""
