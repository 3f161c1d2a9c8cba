// A tier as a coloured tag; colours follow the tier's position in the model, so they match the charts.
import { Tag } from 'antd';
import { useMeta } from '../api/Meta';

// Dark enough for the tag's white text to read at 5:1 or better (WCAG AA).
export const TIER_COLORS = ['#cf1322', '#ad4e00', '#237804', '#0958d9', '#722ed1', '#006d75', '#c41d7f', '#595959'];

export function tierColor(order: string[], tier: string): string {
  const index = order.indexOf(tier);
  return TIER_COLORS[(index < 0 ? order.length : index) % TIER_COLORS.length];
}

export function TierTag({ tier, testId }: { tier: string | null | undefined; testId?: string }) {
  const { meta, tierName } = useMeta();
  if (!tier) return <span>—</span>;
  const order = meta?.tiers.map((t) => t.id) ?? [];
  return <Tag color={tierColor(order, tier)} data-testid={testId} data-tier={tier}>{tierName(tier)}</Tag>;
}
