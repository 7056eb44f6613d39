"""Signals of possible exploitation: the indicator catalogue, the signal log, daily-report safety
notes and consultation."""
