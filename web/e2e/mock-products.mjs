// The product preference part of the mock server (GET /customers/{id}/products, README "Product preference"): every
// customer bought furniture and office supplies; plausible figures, not computed. A sales user gets no count of the
// customers who bought both (it is over the whole customer base).
export function productsOf(c, me) {
  const item = (name, cents, share, last) => ({ name, cents, share, last });
  return {
    snapshot: 2, asOf: '2026-11-01', topCategory: '家具', topShare: 0.62,
    categories: [item('家具', 80000, 0.62, '2026-10-20'), item('办公用品', 36000, 0.28, '2026-09-12'),
      item('耗材', 12900, 0.1, '2026-08-30')],
    products: [item('办公椅', 64000, 0.5, '2026-10-20'), item('A4纸', 36000, 0.28, '2026-09-12')],
    next: { item: '升降桌', because: '办公椅', lift: 3.2, customers: me.role === 'sales' ? null : 120 },
  };
}
