{
    "name": "Ledger",
    "version": "0.1.0",
    "depends": ["master_data"],
    "summary": "Sales desk accounts: what each customer owes",
    "category": "Finance",
    "data": ["security/access.csv"],
}
