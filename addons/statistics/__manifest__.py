{
    "name": "Statistics",
    "version": "0.1.0",
    "depends": ["sales_order", "dispatch", "returns", "ledger"],
    "summary": "Sales statistics, targets, customer analysis, collections and the live board",
    "category": "Reports",
    "data": ["security/access.csv"],
}
