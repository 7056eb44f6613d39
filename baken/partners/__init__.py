"""The chain-partner directory: who to call for a youth, by region, and what may be shared."""
