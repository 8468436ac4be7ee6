"""The web app for scrutiny officers: search with facets, records, organisations, slippage,
and a JSON API. `boardpapers serve` runs it; `create_app` builds it for tests and servers."""
from web.app import create_app

__all__ = ["create_app"]
