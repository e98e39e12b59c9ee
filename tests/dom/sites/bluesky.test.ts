// @vitest-environment happy-dom
import { bluesky } from '@/utils/sites/bluesky';
import { describeSiteFixture } from '../../helpers/siteFixture';

if (!bluesky.posts) throw new Error('no post adapter');
describeSiteFixture('bluesky', bluesky.posts);
