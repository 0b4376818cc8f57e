import { Button } from '@fluentui/react-components';

/** Opens or closes the rest of a list shown in part (`shownPart`): "N more …", then "show fewer". */
export function More({ hidden, open, more, fewer, onToggle }: { hidden: number; open: boolean; more: (n: number) => string; fewer: string; onToggle: () => void }) {
  if (!open && hidden === 0) return null;
  return (
    <Button size="small" appearance="transparent" aria-expanded={open} onClick={onToggle} data-testid="more">
      {open ? fewer : more(hidden)}
    </Button>
  );
}
