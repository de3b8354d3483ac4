import enum
from typing import Optional

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import AuditMixin, Model, TimestampMixin

__all__ = ["Role", "User", "Profile"]


class Role(enum.Enum):
    admin = "admin"
    member = "member"


class User(TimestampMixin, AuditMixin, Model):
    __tablename__ = "users"

    email: Mapped[str] = mapped_column(String(255), unique=True, index=True)
    nickname: Mapped[str | None] = mapped_column(String(50))
    role: Mapped[Role] = mapped_column(default=Role.member)
    age: Mapped["int | None"]
    bio: Mapped[Optional[str]] = mapped_column(nullable=False, server_default="")
    profile: Mapped["Profile"] = relationship(back_populates="user")


class Profile(Model):
    __tablename__ = "profiles"
    __table_args__ = {"schema": "extra"}

    user_id: Mapped[int] = mapped_column(ForeignKey(User.id), unique=True)
    website: Mapped[Optional[str]] = mapped_column(String(200), index=True)
    user: Mapped[User] = relationship(back_populates="profile")
