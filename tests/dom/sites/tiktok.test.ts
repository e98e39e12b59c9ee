// @vitest-environment happy-dom
import { tiktok } from '@/utils/sites/tiktok';
import { describeSiteFixture } from '../../helpers/siteFixture';

if (!tiktok.posts) throw new Error('no post adapter');
describeSiteFixture('tiktok', tiktok.posts);
