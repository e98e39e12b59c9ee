// @vitest-environment happy-dom
import { facebook } from '@/utils/sites/facebook';
import { describeSiteFixture } from '../../helpers/siteFixture';

if (!facebook.posts) throw new Error('no post adapter');
describeSiteFixture('facebook', facebook.posts);
