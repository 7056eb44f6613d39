"""The top layer of the institution side: pages and digests that compose several apps (each
role's start page, the youth's page with its timeline, the daily digest of `baken remind`).
It may read from every institution app; no app imports it."""
