{
    "name": "Standing orders",
    "version": "0.1.0",
    "depends": ["sales_order"],
    "summary": "A customer's weekly basket that reserves each day as its ordering window opens",
    "category": "Sales",
    "data": ["security/access.csv"],
}
