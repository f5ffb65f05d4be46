{
    "name": "Returns",
    "version": "0.1.0",
    "depends": ["sales_order", "dispatch", "ledger"],
    "summary": "Return and exchange orders, weigh-back and refunds",
    "category": "Sales",
    "data": ["security/access.csv"],
}
