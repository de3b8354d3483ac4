from typing import List, Optional

from sqlalchemy import ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.base import Base, TimestampMixin


class Page(TimestampMixin, Base):
    """Joined-table root."""

    __tablename__ = "pages"
    __table_args__ = (Index(None, "kind", "title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str]
    title: Mapped[str] = mapped_column(Text)
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    comments: Mapped[List["Comment"]] = relationship()

    __mapper_args__ = {"polymorphic_on": "kind", "polymorphic_identity": "page"}


class Article(Page):
    """Joined-table inheritance."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(ForeignKey("pages.id"), primary_key=True)
    body: Mapped[str] = mapped_column(Text)

    __mapper_args__ = {"polymorphic_identity": "article"}


class Post(Page):
    """Single-table inheritance: its columns go to pages."""

    summary: Mapped[Optional[str]]
    pinned: Mapped[bool] = mapped_column(default=False, nullable=True)

    __mapper_args__ = {"polymorphic_identity": "post"}


class Comment(Base):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    text: Mapped[str]
