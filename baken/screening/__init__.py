"""Risk screening (risicotaxatie): the instrument as versioned data, scoring, the schedule and
reminders. Decision support, never a diagnosis, and never the only step."""
