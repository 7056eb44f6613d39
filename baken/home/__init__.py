"""Each role's starting page. It may read from every app; no app imports it."""
