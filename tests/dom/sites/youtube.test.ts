// @vitest-environment happy-dom
import { youtube } from '@/utils/sites/youtube';
import { describeSiteFixture } from '../../helpers/siteFixture';

if (!youtube.posts) throw new Error('no post adapter');
describeSiteFixture('youtube', youtube.posts);
