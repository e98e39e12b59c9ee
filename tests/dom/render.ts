/** Renders Preact trees into happy-dom for component tests, flushing effects with act(). */
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';

export async function mount(tree: ComponentChild): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(tree, container);
  });
  // Let loaders resolve and their effects settle.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return container;
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('Nothing to click');
  await act(async () => {
    element.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export function byRoleName(container: HTMLElement, selector: string, name: string): HTMLElement | undefined {
  return [...container.querySelectorAll<HTMLElement>(selector)].find(
    (element) => (element.getAttribute('aria-label') ?? element.textContent ?? '').trim() === name,
  );
}
