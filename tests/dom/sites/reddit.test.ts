// @vitest-environment happy-dom
import { reddit } from '@/utils/sites/reddit';
import { describeSiteFixture } from '../../helpers/siteFixture';

if (!reddit.posts) throw new Error('no post adapter');
describeSiteFixture('reddit', reddit.posts);
