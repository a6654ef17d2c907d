"""Home, the pages every visitor needs (browsing safely, privacy, accessibility, contact),
the language switch, error pages and the health check."""

from portal.main.errors import register_error_handlers
from portal.main.views import bp

__all__ = ["bp", "register_error_handlers"]
