import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { mayOpen, type Screen, useSession } from '../auth/session';
import { Layout } from './Layout';

// One chunk per screen: the sign-in and new-case routes load only their own code, and the
// chart library only comes with the dashboard (bench/web checks both).
const SignInPage = lazy(() => import('../screens/sign-in/SignInPage'));
const InvitePage = lazy(() => import('../screens/sign-in/InvitePage'));
const NewCasePage = lazy(() => import('../screens/new-case/NewCasePage'));
const CasesPage = lazy(() => import('../screens/cases/CasesPage'));
const CasePage = lazy(() => import('../screens/case/CasePage'));
const DashboardPage = lazy(() => import('../screens/dashboard/DashboardPage'));
const SnapshotsPage = lazy(() => import('../screens/snapshots/SnapshotsPage'));
const ImportPage = lazy(() => import('../screens/import/ImportPage'));
const AdminPage = lazy(() => import('../screens/admin/AdminPage'));
const PublicStatsPage = lazy(() => import('../screens/public/PublicStatsPage'));

function Loading() {
  return (
    <Center h={200}>
      <Loader aria-label="…" />
    </Center>
  );
}

/** A screen for signed-in people whose role may open it; others go to sign-in or home. */
function Guard({ screen, children }: { screen: Screen; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (!session.data)
    return (
      <Navigate
        to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  if (!mayOpen(session.data.role, screen)) return <Navigate to="/" replace />;
  return <>{children}</>;
}

function Home() {
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (!session.data) return <Navigate to="/sign-in" replace />;
  return (
    <Navigate to={mayOpen(session.data.role, 'newCase') ? '/cases/new' : '/dashboard'} replace />
  );
}

export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/invite" element={<InvitePage mode="invite" />} />
          <Route path="/setup" element={<InvitePage mode="setup" />} />
          <Route path="/figures/:workspaceId" element={<PublicStatsPage />} />
          <Route
            path="/cases/new"
            element={
              <Guard screen="newCase">
                <NewCasePage />
              </Guard>
            }
          />
          <Route
            path="/cases"
            element={
              <Guard screen="cases">
                <CasesPage />
              </Guard>
            }
          />
          <Route
            path="/cases/:id"
            element={
              <Guard screen="cases">
                <CasePage />
              </Guard>
            }
          />
          <Route
            path="/dashboard"
            element={
              <Guard screen="dashboard">
                <DashboardPage />
              </Guard>
            }
          />
          <Route
            path="/snapshots"
            element={
              <Guard screen="snapshots">
                <SnapshotsPage />
              </Guard>
            }
          />
          <Route
            path="/import"
            element={
              <Guard screen="import">
                <ImportPage />
              </Guard>
            }
          />
          <Route
            path="/admin"
            element={
              <Guard screen="admin">
                <AdminPage />
              </Guard>
            }
          />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
