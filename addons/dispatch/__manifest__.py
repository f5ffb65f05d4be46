{
    "name": "Dispatch",
    "version": "0.1.0",
    "depends": ["sales_order", "ledger"],
    "summary": "Delivery planning, the shipping desk, receipt and transit loss",
    "category": "Dispatch",
    "data": ["security/access.csv"],
}
