from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, MetaData, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention={"ix": "ix_%(table_name)s_%(column_0_N_name)s", "uq": "uq_%(table_name)s_%(column_0_name)s"})


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[Optional[datetime]]


class AuditMixin:
    @declared_attr
    def audited_by(cls) -> Mapped[Optional[str]]:
        return mapped_column(nullable=True)


class Model(Base):
    __abstract__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
