{
    "name": "Stock at the shipping desk",
    "version": "0.1.0",
    "depends": ["stock", "dispatch"],
    "summary": "Lots named at the desk, stock out on shipping and back in on returns, recall lists, the exit record",
    "category": "Stock",
    "data": ["security/access.csv"],
}
