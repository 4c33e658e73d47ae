"""newsdesk's store: files -> articles (ingest) -> analysis -> the Whoosh index."""

__version__ = "0.1.0"
