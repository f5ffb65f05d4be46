{
    "name": "Stock",
    "version": "0.1.0",
    "depends": ["master_data"],
    "summary": "Warehouses, lots with their certificates, stock levels in pieces and kg, moves",
    "category": "Stock",
    "data": ["security/access.csv"],
}
