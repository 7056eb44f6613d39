"""Youth case files: the youth, their team assignment, access (including break-the-glass)."""
