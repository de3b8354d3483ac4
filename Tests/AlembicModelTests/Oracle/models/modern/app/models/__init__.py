from .people import *  # noqa: F401,F403
from .content import Article, Comment, Page, Post
from ..base import Base

__all__ = ["Article", "Base", "Comment", "Page", "Post"]
