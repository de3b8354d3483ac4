from sqlalchemy import Column, ForeignKey, Index, Integer, Numeric, PrimaryKeyConstraint, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import relationship

from shop.db import Base, metadata

tags = Table(
    "tags",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("label", String(40), nullable=False, unique=True),
    Column("parent_id", ForeignKey("tags.id")),
    Index("ix_tags_label_parent", "label", "parent_id"),
)

product_tags = Table(
    "product_tags",
    metadata,
    Column("product_id", Integer, ForeignKey("products.id", name="fk_custom_product"), primary_key=True),
    Column("tag_id", Integer, ForeignKey("tags.id"), primary_key=True),
)


class Customer(Base):
    __tablename__ = "customers"

    id = Column(Integer, primary_key=True)
    email = Column(String(255), nullable=False, unique=True, index=True)
    name = Column("full_name", String(100))
    notes = Column(Text, server_default="")
    orders = relationship("Order", back_populates="customer")


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        UniqueConstraint("sku", "vendor", name="uq_products_sku_vendor"),
        Index("ix_products_price_vendor", "price", "vendor", unique=True),
        {"comment": "what we sell"},
    )

    id = Column(Integer, primary_key=True)
    sku = Column(String(32), nullable=False)
    vendor = Column(String(64))
    price = Column(Numeric(10, 2), nullable=False)


class Order(Base):
    __tablename__ = "orders"

    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id", ondelete="CASCADE"), nullable=False)
    reference = Column(String(20), unique=True)
    customer = relationship("Customer", back_populates="orders")


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (PrimaryKeyConstraint("order_id", "line_no"),)

    order_id = Column(Integer, ForeignKey("orders.id"))
    line_no = Column(Integer)
    product_id = Column(ForeignKey("products.id"), nullable=False)
    quantity = Column(Integer, nullable=False, default=1)


Index("ix_order_lines_product_qty", OrderLine.product_id, OrderLine.quantity)
