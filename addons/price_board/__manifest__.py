{
    "name": "Price board",
    "version": "0.1.0",
    "depends": ["sales_order"],
    "summary": "The daily price board: each customer group's prices for a day, published at a set time",
    "category": "Sales",
    "data": ["security/access.csv"],
}
