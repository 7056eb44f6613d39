"""The registry side: intake API, linkage, statistics and estimation.

It never imports an institution app, and no institution app imports it; they meet over HTTP.
"""
