/**
 * Goods of the Sheltered Workshop: materials with their stock movements and costs per month, work orders, finished
 * goods per site and in the gallery shop of the centre, transfers to the gallery, and sales with their invoices. Part
 * of the {@code workshop} module (same schema, same allowed dependencies); published for the rest of the module:
 * {@link id.peduli.workshop.goods.MaterialCosts} (the material costs of a site and month, for the EQUAL_SHARE margin),
 * {@link id.peduli.workshop.goods.FinishedGoods} (stock per location) and the indicator {@code WS_SALES}.
 */
package id.peduli.workshop.goods;
