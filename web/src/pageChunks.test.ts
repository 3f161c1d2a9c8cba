import { describe, expect, it } from 'vitest';
import { ChunkLoadError, pageAt, pageChunk } from './pageChunks';

describe('pageAt', () => {
  it('findsThePageOfEachRouteAndNothingElse', () => {
    expect(pageAt('/')).toBe('dashboard');
    expect(pageAt('/customers')).toBe('customers');
    expect(pageAt('/customers/C00042?from=list')).toBe('customer');
    expect(pageAt('/experiments/7')).toBe('experiment');
    expect(pageAt('/admin')).toBe('admin');
    expect(pageAt('/signin')).toBeUndefined();
    expect(pageAt('/no/such/page')).toBeUndefined();
  });
});

describe('pageChunk', () => {
  it('fetchesOnceForPreloadAndRenderAndTagsAFailure', async () => {
    let fetches = 0;
    const gone = new TypeError('Failed to fetch dynamically imported module: /assets/Runs-old.js');
    const chunk = pageChunk(() => { fetches++; return Promise.reject(gone); });
    chunk.preload();
    chunk.preload();
    await new Promise((r) => setTimeout(r, 0));
    expect(fetches).toBe(1);
    const failure = await chunk.load().catch((e: unknown) => e); // what React.lazy calls on render
    expect(fetches).toBe(1);
    expect(failure).toBeInstanceOf(ChunkLoadError);
    expect((failure as Error).message).toBe('page chunk failed to load: Failed to fetch dynamically imported module: /assets/Runs-old.js');
  });
});
