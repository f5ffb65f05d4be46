{
    "name": "Sales Order",
    "version": "0.1.0",
    "depends": ["master_data", "ledger"],
    "summary": "Reservations, orders, review and credit control",
    "category": "Sales",
    "data": ["security/access.csv"],
}
