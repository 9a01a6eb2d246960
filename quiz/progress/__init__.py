"""The learner's progress: clock, card state, scheduler, store, report data."""
