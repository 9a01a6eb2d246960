"""The Vietnamese toolkit: standard library only."""
