def register(reg):
    from addons.purchase_weighing import hooks
    reg.hooks(hooks)
