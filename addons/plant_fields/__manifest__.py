{
    "name": "Plant fields",
    "version": "0.1.0",
    "depends": ["dispatch"],
    "summary": "Fields an administrator adds to orders, customers, products and delivery notes, with no code",
    "category": "Administration",
    "data": ["security/access.csv"],
}
