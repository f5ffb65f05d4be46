{
    "name": "CRM",
    "version": "0.1.0",
    "depends": ["master_data", "sales_order"],
    "summary": "Channel and end customers, the public pool, follow-ups, work plans, commissions and expenses, leads",
    "category": "Sales",
    "data": ["security/access.csv"],
}
